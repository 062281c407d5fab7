FROM codercom/code-server:4.96.4

USER root
# What the team works with in the browser IDE
RUN apt-get update \
    && apt-get install -y python3 python3-pip \
    && rm -rf /var/lib/apt/lists/*
RUN pip3 install --break-system-packages black
USER coder
