FROM python:3.12
WORKDIR /app
COPY . .
# build the extension with a clean environment
RUN env -i PATH="$PATH" HOME="$HOME" make -C native
CMD ["python", "-m", "app"]
