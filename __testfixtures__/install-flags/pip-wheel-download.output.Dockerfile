# Wheels are built once in a builder and installed offline in the image.
FROM python:3.12-slim AS wheels
WORKDIR /src
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt

FROM python:3.12-slim
COPY --from=wheels /wheels /wheels
RUN python -m pip download --no-cache-dir --dest /vendor "uvicorn[standard]==0.30.1" \
 && pip install --no-cache-dir --no-index --find-links /wheels --find-links /vendor /wheels/*.whl
CMD ["uvicorn", "app:app"]
