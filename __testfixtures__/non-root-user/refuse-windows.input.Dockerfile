FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022
WORKDIR /inetpub/wwwroot
COPY ./publish/ .
CMD ["C:\\ServiceMonitor.exe", "w3svc"]
