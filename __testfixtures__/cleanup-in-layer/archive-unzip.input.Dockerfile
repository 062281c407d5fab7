FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /tmp
RUN curl -fsSL -o awscliv2.zip https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip \
    && unzip -q awscliv2.zip \
    && ./aws/install
RUN curl -fsSLO https://releases.hashicorp.com/terraform/1.9.5/terraform_1.9.5_linux_amd64.zip \
    && unzip terraform_1.9.5_linux_amd64.zip -d /usr/local/bin
RUN curl -fsSL -o /tmp/list.zip https://example.com/list.zip && unzip -l /tmp/list.zip
CMD ["aws", "--version"]
