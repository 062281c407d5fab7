FROM alpine:3.20

RUN     mkdir /loki
WORKDIR /loki
ADD     ./loki ./
ADD     --chown=1000 ./.src ./src
ADD ./config.yaml /etc/loki/
add   ./rules /etc/loki/rules
COPY    ./run.sh /
CMD     ["/run.sh"]
