FROM python:3.12-alpine
# apt-get named in the text echo prints is not a program it runs: the stage still switches
RUN apk add --no-cache curl && echo "curl installed with apt-get"
CMD ["python", "-m", "http.server"]
