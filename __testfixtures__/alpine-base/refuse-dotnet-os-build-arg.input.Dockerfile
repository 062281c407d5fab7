FROM mcr.microsoft.com/dotnet/sdk:8.0
ARG TARGETOS
WORKDIR /source
COPY . .
RUN dotnet publish -c Release --os $TARGETOS --self-contained -o /app
WORKDIR /app
ENTRYPOINT ["./Worker"]
