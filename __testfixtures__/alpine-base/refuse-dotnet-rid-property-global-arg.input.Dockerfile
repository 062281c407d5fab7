ARG RID
FROM mcr.microsoft.com/dotnet/sdk:8.0
ARG RID
WORKDIR /source
COPY . .
RUN dotnet publish -c Release -p:RuntimeIdentifier=$RID -o /app
WORKDIR /app
ENTRYPOINT ["dotnet", "Worker.dll"]
