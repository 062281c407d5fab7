FROM debian:bookworm-slim
COPY --from=wireguard-build /usr/bin/wg /usr/bin/wg
ENTRYPOINT ["wg"]
CMD ["--help"]
