FROM python:3.12-slim AS gen
RUN mkdir -p /result && touch /result/service_pb2.py

FROM scratch AS output
COPY --from=gen /result/* /
