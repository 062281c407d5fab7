FROM centos:7
RUN yum install -y ipa-server && yum clean all && \
    echo 'abc123 /etc/tmpfiles.d/opendnssec.conf' | sha1sum --quiet -c && rm -vf /etc/tmpfiles.d/opendnssec.conf && \
    find /etc/systemd/system/* '!' -name '*.wants' | xargs rm -rvf && \
    find /usr/lib/python2.7 -name '*.pyc' -exec rm -f {} + && \
    rm -f /usr/lib/systemd/system/basic.target
CMD ["/usr/sbin/init"]
