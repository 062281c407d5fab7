FROM python:3.12-windowsservercore
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN pip install -r requirements.txt
RUN Write-Host 'Verifying pip install ...'; pip --version
