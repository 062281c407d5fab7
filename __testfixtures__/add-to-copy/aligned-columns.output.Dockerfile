FROM alpine:3.20

RUN     mkdir /loki
WORKDIR /loki
COPY    ./loki ./
COPY    --chown=1000 ./.src ./src
COPY ./config.yaml /etc/loki/
copy  ./rules /etc/loki/rules
COPY    ./run.sh /
CMD     ["/run.sh"]
