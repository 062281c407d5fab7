FROM mcr.microsoft.com/dotnet/sdk:8.0
ARG TARGET_RID
WORKDIR /source
COPY . .
RUN dotnet publish -c Release -r ${TARGET_RID} --self-contained -o /app
WORKDIR /app
ENTRYPOINT ["./Worker"]
