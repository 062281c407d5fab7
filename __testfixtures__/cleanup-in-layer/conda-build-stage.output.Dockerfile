FROM continuumio/miniconda3:24.7.1-0 AS env
RUN conda create -y -p /env python=3.12 flask

FROM gcr.io/distroless/base-debian12
COPY --from=env /env /env
CMD ["/env/bin/flask", "run"]
