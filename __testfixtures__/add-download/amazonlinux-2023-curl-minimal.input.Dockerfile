FROM amazonlinux:2023
ADD https://downloads.example.com/agent/agent-1.4.2-linux-amd64.tar.gz /tmp/agent.tar.gz
RUN tar -xzf /tmp/agent.tar.gz -C /opt && rm /tmp/agent.tar.gz
CMD ["/opt/agent/bin/agent"]
