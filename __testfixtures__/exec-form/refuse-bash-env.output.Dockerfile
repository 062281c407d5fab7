FROM ubuntu:22.04
ENV BASH_ENV=/etc/profile.d/app-env.sh
SHELL ["/bin/bash", "-c"]
CMD app-server --port 8080
