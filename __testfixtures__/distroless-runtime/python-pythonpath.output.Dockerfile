FROM python:3.13-trixie AS build
RUN pip install --target=/deps flask

FROM gcr.io/distroless/python3-debian13
COPY --from=build /deps /deps
ENV PYTHONPATH=/deps
COPY app.py /app.py
CMD ["/app.py"]
