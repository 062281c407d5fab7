FROM scratch
RUN printf 1 > one; false; printf 2 > two
RUN printf 3 > three;
RUN false; printf 4 > four
RUN touch five; printf 6 > six
