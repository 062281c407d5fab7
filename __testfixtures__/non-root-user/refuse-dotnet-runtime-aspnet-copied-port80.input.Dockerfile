FROM mcr.microsoft.com/dotnet/aspnet:5.0 AS aspnet

FROM mcr.microsoft.com/dotnet/runtime:5.0
COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet
COPY publish/ /app/
CMD ["/app/WebHost"]
