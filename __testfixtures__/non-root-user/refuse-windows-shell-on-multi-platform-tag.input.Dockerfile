FROM python:3.11.9
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]

WORKDIR C:\\app
COPY requirements.txt requirements.txt
RUN pip install --no-cache-dir -r requirements.txt
COPY ./ C:\\app

EXPOSE 8000
ENTRYPOINT ["powershell", "C:\\\\app\\\\entrypoint.ps1"]
