FROM python:3.10-alpine
ARG TARGETARCH
ARG TOOL_VERSION=1.2.0
ADD "https://example.com/tool/v${TOOL_VERSION}/tool-${TARGETARCH}.tar.gz" /tmp/tool.tar.gz
WORKDIR /app
COPY requirements.txt /app
RUN pip3 install -r requirements.txt
COPY . /app
ENTRYPOINT ["python3"]
CMD ["app.py"]
