FROM confluentinc/cp-kafka:7.6.1
USER root
RUN yum install -y jq && yum clean all
COPY healthcheck.sh /usr/local/bin/healthcheck.sh
