FROM ubuntu:24.04
# A uid from the host's directory service, so files on the mounted share keep their owner.
RUN groupadd -g 1000000 builders && useradd -l -m -u 1000000 -g builders builder
RUN useradd -l -K UID_MIN=200000 -K UID_MAX=300000 svc && useradd -r -K UID_MIN=200000 daemon2
USER builder
