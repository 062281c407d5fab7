FROM python:3.12-slim
# apt-get named in the text echo prints is not a program it runs: the stage still switches
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* && echo "curl installed with apt-get"
CMD ["python", "-m", "http.server"]
