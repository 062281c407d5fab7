FROM alpine:3.20
ADD --checksum=sha512:70d2356779de9396f94d663fbb71c50a20680977608da6db4cbbce7e65d4146b337afb3df648669cb7bfae782a029c2385a1b4fec8c627500e6448cb5498ac29 https://example.com/releases/app-2.1.tar.gz /opt/app/dist/app.tar.gz
RUN tar -xzf /opt/app/dist/app.tar.gz -C /opt/app && rm -rf /opt/app/dist
CMD ["/opt/app/bin/app"]
