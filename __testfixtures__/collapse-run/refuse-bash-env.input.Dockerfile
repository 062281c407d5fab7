FROM debian:12 AS base
# Every bash RUN sources this file first; a RUN may rewrite it for the next
ENV BASH_ENV=/etc/profile.d/build-env.sh

FROM base
SHELL ["/bin/bash", "-c"]
RUN echo 'export PATH=/opt/tool/bin:$PATH' >> /etc/profile.d/build-env.sh
RUN tool --version
