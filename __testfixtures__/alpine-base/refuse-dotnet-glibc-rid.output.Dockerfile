FROM mcr.microsoft.com/dotnet/sdk:8.0
WORKDIR /source
COPY *.csproj .
RUN dotnet restore -r linux-x64
COPY . .
RUN dotnet publish -c Release -r linux-x64 --self-contained true -p:PublishSingleFile=true -o /app --no-restore
WORKDIR /app
ENTRYPOINT ["./Worker"]
