# Whether this image's yum is dnf is not known: left alone.
FROM quay.io/sclorg/s2i-core-c9s:c9s
RUN yum -y --setopt=tsflags=nodocs install nss_wrapper && yum -y clean all --enablerepo='*'
