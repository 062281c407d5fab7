FROM python:3.12
WORKDIR /app
COPY . .
# build.sh here is tools/build.sh, which runs make: the one at the top of the project only says hello
RUN cd tools && ./build.sh
CMD ["python", "app.py"]
