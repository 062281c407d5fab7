FROM zookeeper:3.9
COPY init.txt /init.txt
CMD ["zkCli.sh", "-server", "zk:2181"]
