# escape=`
FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8
WORKDIR /inetpub/wwwroot
COPY obj/Docker/publish/ .
ENTRYPOINT C:\ServiceMonitor.exe w3svc
