FROM mcr.microsoft.com/dotnet/framework/sdk:4.8.1

WORKDIR /app
COPY . ./

RUN nuget restore WebApp.sln -SolutionDirectory .

RUN msbuild WebApp.sln /p:Configuration=Release
