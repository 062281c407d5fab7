FROM centos:7
RUN yum install -y ipa-server && yum clean all
RUN echo 'abc123 /etc/tmpfiles.d/opendnssec.conf' | sha1sum --quiet -c && rm -vf /etc/tmpfiles.d/opendnssec.conf
RUN find /etc/systemd/system/* '!' -name '*.wants' | xargs rm -rvf
RUN find /usr/lib/python2.7 -name '*.pyc' -exec rm -f {} +
RUN rm -f /usr/lib/systemd/system/basic.target
CMD ["/usr/sbin/init"]
