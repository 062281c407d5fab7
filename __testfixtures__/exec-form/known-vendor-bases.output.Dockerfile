FROM arm32v7/node:20-slim
CMD ["node", "server.js"]

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
CMD ["/usr/local/bin/app", "--serve"]

FROM tensorflow/tensorflow:2.16.1-gpu
CMD ["python3", "train.py"]

FROM public.ecr.aws/docker/library/python:3.12-slim
CMD ["python3", "app.py"]
