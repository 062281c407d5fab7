FROM mcr.microsoft.com/powershell:lts-ubuntu-22.04
SHELL ["pwsh", "-Command"]
WORKDIR /app
COPY scripts/ .
CMD ./Start-Service.ps1 -Verbose
