# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY start.ps1 C:/app/
CMD powershell -File C:\app\start.ps1
