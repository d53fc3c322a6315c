COLUMN_MAPPING = {
    'odno': '주문번호',
    'ord_tmd': '주문시각'
}
