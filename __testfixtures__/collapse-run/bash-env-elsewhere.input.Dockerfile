FROM debian:12 AS tools
ENV BASH_ENV=/etc/profile.d/tools.sh
RUN echo 'export PATH=/opt/tool/bin:$PATH' > /etc/profile.d/tools.sh

FROM debian:12
SHELL ["/bin/bash", "-c"]
RUN mkdir -p /app
RUN touch /app/ready
ENV BASH_ENV=/etc/profile.d/app.sh
