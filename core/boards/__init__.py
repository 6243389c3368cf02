"""우리단지 게시판: 생활편의 (living info), 일자리 (jobs), 교육문화 (education and culture)."""
