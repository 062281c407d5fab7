FROM mcr.microsoft.com/dotnet/sdk:8.0
ARG RID=linux-musl-x64
WORKDIR /source
COPY . .
RUN case "$(uname -m)" in aarch64) RID=linux-arm64 ;; esac && dotnet publish -c Release -r "$RID" -o /app
WORKDIR /app
ENTRYPOINT ["dotnet", "Worker.dll"]
