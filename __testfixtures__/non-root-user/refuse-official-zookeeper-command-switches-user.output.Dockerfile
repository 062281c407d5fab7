FROM zookeeper:3.9
COPY zoo.cfg /conf/zoo.cfg
CMD ["zkServer.sh", "start-foreground"]
