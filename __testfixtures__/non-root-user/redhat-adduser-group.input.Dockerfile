FROM registry.access.redhat.com/ubi9/ubi:9.4
# OpenShift runs the container with an arbitrary uid in root's group: the account gets group 0 too.
RUN dnf install -y python3 && dnf clean all \
 && adduser -u 1001 -g 0 -r -m app
COPY server /usr/local/bin/server
EXPOSE 8080
CMD ["/usr/local/bin/server"]
