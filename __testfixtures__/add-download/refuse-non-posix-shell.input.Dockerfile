FROM mcr.microsoft.com/powershell:lts-debian-11
SHELL ["pwsh", "-Command"]
ADD https://example.com/data.zip /tmp/
RUN Expand-Archive -Path /tmp/data.zip -DestinationPath /srv; Remove-Item /tmp/data.zip
