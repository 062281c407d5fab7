FROM phusion/baseimage:0.9.16

RUN apt-get update && apt-get install -y python-django-tagging python-simplejson nginx supervisor

# graphite
ADD	./initial_data.json /var/lib/graphite/webapp/graphite/initial_data.json
ADD	./local_settings.py /var/lib/graphite/webapp/graphite/local_settings.py
ADD	./carbon.conf /var/lib/graphite/conf/carbon.conf

# nginx and supervisor
ADD ./nginx.conf ./supervisord.conf /etc/
ADD bin/consul-externalservice_linux_amd64 /bin/consul-externalservice
ADD ./jce-unlimited/local_policy.jar /tmp/UnlimitedJCEPolicy/local_policy.jar
ADD . /src/

EXPOSE 80
CMD ["/usr/bin/supervisord"]
