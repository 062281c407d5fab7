FROM amazonlinux:2023
RUN curl -fsSL -o /tmp/agent.tar.gz https://downloads.example.com/agent/agent-1.4.2-linux-amd64.tar.gz && tar -xzf /tmp/agent.tar.gz -C /opt && rm /tmp/agent.tar.gz
CMD ["/opt/agent/bin/agent"]
