FROM python:3.12-bookworm
WORKDIR /workspace
RUN pip install --no-cache-dir ipython
CMD ["sleep", "infinity"]
