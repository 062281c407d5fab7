FROM rockylinux:9 AS build
# The CI runners' uid, so the mounted workspace keeps its owner.
RUN adduser -l -u 1001000 -m builder
USER builder
RUN make -C /src

FROM build AS test
RUN adduser --no-log-init --uid 200000 tester

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install -y shadow-utils \
 && microdnf clean all \
 && adduser -l -r -u 100001 app
USER app
