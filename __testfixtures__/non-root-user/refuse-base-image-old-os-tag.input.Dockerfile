FROM centos:6
RUN yum install -y epel-release && yum install -y nodejs npm
COPY . /opt/app
WORKDIR /opt/app
RUN npm install --production
