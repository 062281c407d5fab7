FROM alpine:3.20
RUN apk add --no-cache iproute2 nftables jq bash
WORKDIR /bin
COPY ./router.sh /bin/router.sh
COPY ./router.nft /bin/router.nft
RUN chmod +x /bin/router.sh
CMD ["router.sh"]
