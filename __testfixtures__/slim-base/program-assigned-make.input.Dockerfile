FROM python:3.12
WORKDIR /app
COPY . .
RUN MAKE=make; \
    $MAKE -C native
CMD ["python", "-m", "app"]
