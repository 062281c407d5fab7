FROM mcr.microsoft.com/dotnet/framework/runtime:4.8
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
WORKDIR /app
COPY bin/Release/ .
CMD ConsoleApp.exe --verbose
