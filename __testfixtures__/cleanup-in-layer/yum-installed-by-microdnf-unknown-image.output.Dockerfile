FROM quay.io/example/rhel-base:2.3
# An image dockshift does not know: the yum package may be yum 3, whose cache is /var/cache/yum.
RUN microdnf install -y yum && microdnf clean all
RUN yum install -y tar && yum clean all && rm -rf /var/cache/yum
