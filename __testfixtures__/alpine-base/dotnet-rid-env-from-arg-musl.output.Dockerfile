FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine
ARG RID=linux-musl-x64
ENV RID=$RID
WORKDIR /source
COPY . .
RUN dotnet publish -c Release -r $RID --self-contained -o /app
WORKDIR /app
ENTRYPOINT ["./Worker"]
